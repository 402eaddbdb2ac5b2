package dev.switchboard.core.paging;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is absent on the last page; otherwise passing it as
 * {@code cursor} gives the page after this one, even while rows are added or removed (keyset paging:
 * the cursor holds the last row's sort key, not an offset).
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
