package dev.appointments.deploy.nag;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.appointments.deploy.AppointmentsStack;
import dev.appointments.deploy.DeployApp;
import dev.appointments.deploy.DeploymentSettings;
import dev.appointments.deploy.SynthesizedStacks;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cdk-nag's AwsSolutions pack runs over every stack of each kind of deployment: no
 * finding may be left, and every finding the design accepts is suppressed in the app with
 * its reason (see the stacks' NagSuppressions).
 */
class AwsSolutionsTests {

    static Stream<Map<String, String>> deployments() {
        return Stream.of(Map.of("region", SynthesizedStacks.REGION),
                Map.of("region", SynthesizedStacks.REGION, "certificateArn", SynthesizedStacks.CERTIFICATE_ARN,
                        "smtpSecretArn", SynthesizedStacks.SMTP_SECRET_ARN, "alarmEmail", "ops@example.org",
                        "natGateways", "0"),
                Map.of("region", SynthesizedStacks.REPLICA_REGION, "primaryRegion", SynthesizedStacks.REGION));
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void everyStackPassesTheAwsSolutionsRulesOrSaysWhyNot(Map<String, String> context) {
        App app = App.Builder.create().outdir("target/cdk.out/nag-" + Math.abs(context.hashCode())).build();
        AppointmentsStack stack = DeployApp.define(app, DeploymentSettings.fromContext(context::get, null, null));
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        for (Stack each : List.of(stack,
                (Stack) app.getNode().findChild("appointments-images-" + context.get("region")))) {
            List<SynthesisMessage> errors = Annotations.fromStack(each)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            List<SynthesisMessage> warnings = Annotations.fromStack(each)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(Stream.concat(errors.stream(), warnings.stream())
                .map(message -> message.getId() + ": " + message.getEntry().getData()))
                .as("cdk-nag findings of %s", each.getStackName())
                .isEmpty();
        }
    }

}
