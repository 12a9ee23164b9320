package dev.appointments.deploy;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app (run by the CDK CLI through cdk.json): the image repositories and the
 * system's stack of one region. The region comes from {@code -c region=...} or the CLI's
 * default; see deploy/README.md for the other settings.
 */
public final class DeployApp {

    private DeployApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        DeploymentSettings settings = DeploymentSettings.fromContext(app.getNode()::tryGetContext,
                System.getenv("CDK_DEFAULT_ACCOUNT"), System.getenv("CDK_DEFAULT_REGION"));
        define(app, settings);
        app.synth();
    }

    /** Adds this region's stacks to the app, and returns the system's stack. */
    public static AppointmentsStack define(App app, DeploymentSettings settings) {
        StackProps props = StackProps.builder()
            .env(Environment.builder().account(settings.account()).region(settings.region()).build())
            .terminationProtection(true)
            .build();
        new ImageRepositoriesStack(app, "appointments-images-" + settings.region(), props, settings);
        return new AppointmentsStack(app, "appointments-" + settings.region(),
                StackProps.builder()
                    .env(props.getEnv())
                    .terminationProtection(true)
                    .description("Appointment scheduling over SQS and DynamoDB, region " + settings.region()
                            + (settings.ownsTables() ? ""
                                    : " (passive; tables replicated from " + settings.primaryRegion() + ")"))
                    .build(),
                settings);
    }

}
