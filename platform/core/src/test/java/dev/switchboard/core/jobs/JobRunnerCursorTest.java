package dev.switchboard.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobRunnerCursorTest {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final UUID C = new UUID(0, 3);
    private static final UUID D = new UUID(0, 4);

    @Test
    void theNextClaimStartsAfterTheLastLocationThatGotAJob() {
        assertThat(JobRunner.cursorAfter(List.of(A, B, C, D), Set.of(A, B))).isEqualTo(B);
    }

    @Test
    void theListWrapsAroundSoItsOrderNotTheIdsDecides() {
        assertThat(JobRunner.cursorAfter(List.of(C, D, A, B), Set.of(C, D))).isEqualTo(D);
        assertThat(JobRunner.cursorAfter(List.of(C, D, A, B), Set.of(C, A))).isEqualTo(A);
    }

    @Test
    void whenNothingWasClaimedTheWholeListHadItsTurn() {
        assertThat(JobRunner.cursorAfter(List.of(A, B, C), Set.of())).isEqualTo(C);
    }
}
