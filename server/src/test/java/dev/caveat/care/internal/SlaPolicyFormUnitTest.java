package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.platform.ApiException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyFormUnitTest {

  @Test
  void targetsAreWrittenAsPeopleWriteThemAndReadBackTheSame() {
    assertThat(SlaPolicyForm.iso("4h", "x")).isEqualTo("PT4H");
    assertThat(SlaPolicyForm.iso(" 1h 30m ", "x")).isEqualTo("PT1H30M");
    assertThat(SlaPolicyForm.iso("2d", "x")).isEqualTo("PT48H");
    assertThat(SlaPolicyForm.iso("45min", "x")).isEqualTo("PT45M");
    assertThat(SlaPolicyForm.iso("PT2H", "x")).isEqualTo("PT2H");
    assertThat(SlaPolicyForm.iso("", "x")).isNull();
    assertThatThrownBy(() -> SlaPolicyForm.iso("an hour", "first response"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("first response must be a time such as 4h");
    assertThatThrownBy(() -> SlaPolicyForm.iso("90", "x")).isInstanceOf(ApiException.class);

    SlaPolicies.Policy policy =
        new SlaPolicies.Policy(
            null, Duration.ofMinutes(90), null, Duration.ofHours(52), 75, BusinessHours.ALWAYS);
    SlaPolicyForm form = SlaPolicyForm.of(policy);
    assertThat(form.firstResponse()).isEqualTo("1h 30m");
    assertThat(form.resolution()).isEqualTo("2d 4h");
    assertThat(form.hours()).isEqualTo("business");
    assertThat(form.days()).hasSize(7);
    SlaSetup.PolicyRequest request = form.request();
    assertThat(request.firstResponse()).isEqualTo("PT1H30M");
    assertThat(request.nextResponse()).isNull();
    assertThat(request.resolution()).isEqualTo("PT52H");
    assertThat(request.warnAt()).isEqualTo(75);
    assertThat(request.businessHours().days())
        .containsExactly("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    assertThat(SlaPolicyForm.BLANK.days()).isEqualTo(List.of("mon", "tue", "wed", "thu", "fri"));
  }
}
