package dev.appointments.deploy;

import java.util.List;
import java.util.Map;

import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class MultiRegionTemplateTests {

    @Test
    void primaryRegionReplicatesEveryTableToThePassiveRegionWithTheSameProtection() {
        var template = new TemplateJson(SynthesizedStacks.primaryWithReplica(), SynthesizedStacks.REGION);
        assertThat(template.ofType("AWS::DynamoDB::GlobalTable").values()).hasSize(Tables.all().size())
            .allSatisfy(table -> {
                List<Map<String, Object>> replicas = (List<Map<String, Object>>) table.get("Replicas");
                assertThat(replicas).extracting(replica -> replica.get("Region"))
                    .containsExactlyInAnyOrder(SynthesizedStacks.REGION, SynthesizedStacks.REPLICA_REGION);
                assertThat(replicas).allSatisfy(replica -> {
                    assertThat(replica.get("DeletionProtectionEnabled")).isEqualTo(true);
                    assertThat(replica.get("PointInTimeRecoverySpecification").toString())
                        .contains("PointInTimeRecoveryEnabled=true");
                });
                // Global tables replicate through the table's stream.
                assertThat(table.get("StreamSpecification")).isNotNull();
            });
    }

    @Test
    void passiveRegionHasItsOwnQueuesAndIdleServicesButCreatesNoTable() {
        var template = new TemplateJson(SynthesizedStacks.passive(), SynthesizedStacks.REPLICA_REGION);
        assertThat(template.ofType("AWS::DynamoDB::GlobalTable")).isEmpty();
        assertThat(template.ofType("AWS::DynamoDB::Table")).isEmpty();
        assertThat(template.ofType("AWS::SQS::Queue")).hasSize(Queues.all().size() * 2);
        assertThat(template.ofType("AWS::ECS::Service").values()).hasSize(4)
            .allSatisfy(service -> assertThat(service.get("DesiredCount")).isEqualTo(0));
        assertThat(template.ofType("AWS::CloudWatch::Alarm").values())
            .noneMatch(alarm -> "HealthyHostCount".equals(alarm.get("MetricName")));
    }

    @Test
    void settingsRefuseReplicasDeclaredInThePassiveRegion() {
        assertThatThrownBy(() -> DeploymentSettings.fromContext(Map.<String, Object>of("region", "eu-central-1",
                "primaryRegion", "eu-west-1", "replicaRegions", "us-east-1")::get, null, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("primary region");
        assertThatThrownBy(() -> DeploymentSettings.fromContext(key -> null, null, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("region");
    }

    @Test
    void settingsReadListsFromCommandLineAndFromCdkJson() {
        assertThat(DeploymentSettings
            .fromContext(
                    Map.<String, Object>of("region", "eu-west-1", "replicaRegions", "eu-central-1, us-east-1")::get,
                    null, null)
            .replicaRegions()).containsExactly("eu-central-1", "us-east-1");
        assertThat(DeploymentSettings
            .fromContext(Map.<String, Object>of("region", "eu-west-1", "replicaRegions", List.of("eu-central-1"))::get,
                    null, null)
            .replicaRegions()).containsExactly("eu-central-1");
    }

}
