# The image of one service, from the exec jar the Maven build leaves in <service>/target. Build from the repository
# root after ./mvnw -B -q package -DskipTests:
#   docker build -f deploy/src/main/docker/service.Dockerfile --build-arg SERVICE=request-service -t request-service .
# docker-compose.yml builds the four services with it, and the same image goes to ECR for production.
FROM eclipse-temurin:21-jre

ARG SERVICE
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=<service module> is required" >&2; exit 1; }

# curl runs the health checks of docker-compose and ECS; not every variant of the base image ships it.
RUN command -v curl >/dev/null \
    || { apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; }
RUN useradd --system --uid 10001 --user-group --no-create-home app

WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar app.jar
USER 10001
# Size the heap from the container's memory limit, and let the orchestrator restart a JVM that ran out of it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
