package dev.switchboard.core.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ThemeCatalogTest {

    private static final String BASE = """
            {"name":"Base","logo":"logo.svg","tokens":{"color":{"primary":"#111111","primaryContrast":"#ffffff"},
             "font":{"family":"Inter, sans-serif"},"radius":"8px"}}""";
    private static final String CHILD = """
            {"name":"Child","parent":"base","tokens":{"color":{"primary":"#222222"}}}""";

    @Test
    void childOverridesOnlyWhatItSetsAndInheritsTheLogo() {
        ThemeCatalog catalog = catalog(Map.of("base", BASE, "child", CHILD));

        Theme child = catalog.find("child").orElseThrow();
        assertThat(child.tokens()).containsEntry("color.primary", "#222222")
                .containsEntry("color.primaryContrast", "#ffffff").containsEntry("radius", "8px");
        assertThat(child.logoThemeId()).isEqualTo("base");
    }

    @Test
    void tokensBecomeCssVariables() {
        String css = ThemeCatalog.css(catalog(Map.of("base", BASE, "child", CHILD)).find("child").orElseThrow());

        assertThat(css).contains("--sb-color-primary: #222222;", "--sb-color-primary-contrast: #ffffff;",
                "--sb-font-family: Inter, sans-serif;", "--sb-radius: 8px;", "--sb-logo-url: url(\"/themes/child/logo.svg\");");
    }

    @Test
    void refusesValuesThatCouldEscapeTheStylesheet() {
        String hostile = """
                {"name":"Evil","tokens":{"color":{"primary":"red;} body{background:url(//evil)"}}}""";

        assertThatThrownBy(() -> catalog(Map.of("evil", hostile))).hasMessageContaining("color.primary");
    }

    @Test
    void refusesMissingParentsAndCycles() {
        assertThatThrownBy(() -> catalog(Map.of("child", CHILD))).hasMessageContaining("'base'");
        assertThatThrownBy(() -> catalog(Map.of("a", "{\"parent\":\"b\"}", "b", "{\"parent\":\"a\"}")))
                .hasMessageContaining("cycle");
    }

    @Test
    void shippedThemesLoadWithMidnightInheritingDefault() {
        Function<String, InputStream> classpath = path ->
                ThemeCatalogTest.class.getResourceAsStream("/switchboard-themes/" + path);
        ThemeCatalog shipped = ThemeCatalog.load(Set.of("default", "midnight"), classpath);

        Theme midnight = shipped.find("midnight").orElseThrow();
        Theme base = shipped.find("default").orElseThrow();
        assertThat(midnight.parent()).isEqualTo("default");
        assertThat(midnight.tokens().get("font.family")).isEqualTo(base.tokens().get("font.family"));
        assertThat(midnight.tokens().get("color.background")).isNotEqualTo(base.tokens().get("color.background"));
        assertThat(midnight.tokens().get("diagram.stroke")).isNotEqualTo(base.tokens().get("diagram.stroke"));
    }

    private static ThemeCatalog catalog(Map<String, String> files) {
        return ThemeCatalog.load(files.keySet(), path -> {
            String json = files.get(path.substring(0, path.indexOf('/')));
            return json == null ? null : new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        });
    }
}
