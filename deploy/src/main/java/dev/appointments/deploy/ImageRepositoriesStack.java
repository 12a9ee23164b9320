package dev.appointments.deploy;

import java.util.List;

import dev.appointments.deploy.service.AppointmentService;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

/**
 * The ECR repositories of the four service images, in their own stack: images must be
 * pushed before the services can start, so the repositories are deployed first and
 * outlive the services' stack.
 */
public final class ImageRepositoriesStack extends Stack {

    /** Enough history to roll back a few releases. */
    static final int KEEP_IMAGES = 20;

    public ImageRepositoriesStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);
        for (AppointmentService service : AppointmentService.values()) {
            Repository.Builder.create(this, service.serviceName())
                .repositoryName(settings.imageRepositoryPrefix() + "/" + service.serviceName())
                // A tag names one build forever, so a redeploy of a tag deploys what was
                // tested.
                .imageTagMutability(TagMutability.IMMUTABLE)
                .imageScanOnPush(true)
                .lifecycleRules(List.of(LifecycleRule.builder().maxImageCount(KEEP_IMAGES).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        }
    }

}
