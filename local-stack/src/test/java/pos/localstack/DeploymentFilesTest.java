package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files that build and deploy the system but that no test runs here (no Docker, no GitHub): the workflow
 * parses and runs the README's test command and the compose smoke job, the Dockerfile's dependency layer sees
 * every module, and compose and Kubernetes start closed (a required bootstrap admin, no unauthenticated port on
 * every interface).
 */
class DeploymentFilesTest {

    private static final Path ROOT = repositoryRoot();
    private static final Pattern README_TEST_COMMAND = Pattern.compile("\\| Run all tests[^|]*\\| `([^`]+)` \\|");
    private static final Pattern PINNED_ACTION = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");

    @Test
    void workflowRunsExactlyTheReadmeTestCommand() throws IOException {
        var matcher = README_TEST_COMMAND.matcher(read("README.md"));
        assertThat(matcher.find()).as("README's 'Run all tests' row").isTrue();

        assertThat(runCommands(workflowSteps())).contains(matcher.group(1));
    }

    @Test
    void workflowStartsComposeRunsTheSmokeTestAndTearsDown() throws IOException {
        var runs = runCommands(workflowSteps());

        assertThat(runs)
                .anyMatch(run -> run.startsWith("docker compose up --build --wait"))
                .anyMatch(run -> run.startsWith("./run-smoke-test.sh"))
                .anyMatch(run -> run.equals("docker compose down --volumes"));
        assertThat(workflowSteps())
                .filteredOn(step -> "docker compose down --volumes".equals(step.get("run")))
                .allMatch(step -> "always()".equals(step.get("if")));
    }

    @Test
    void workflowPinsEveryActionToACommit() throws IOException {
        assertThat(workflowSteps())
                .map(step -> step.get("uses"))
                .filteredOn(uses -> uses != null)
                .isNotEmpty()
                .allMatch(uses -> PINNED_ACTION.matcher(uses.toString()).matches());
    }

    @Test
    void dockerfileCopiesEveryModulePomBeforeResolvingDependencies() throws IOException {
        var dockerfile = read("Dockerfile");
        int sources = dockerfile.indexOf("COPY . .");
        var modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(read("pom.xml"))
                .results()
                .map(result -> result.group(1))
                .toList();

        assertThat(modules)
                .isNotEmpty()
                .allSatisfy(module -> assertThat(dockerfile.indexOf("COPY " + module + "/pom.xml " + module + "/"))
                        .as("COPY %s/pom.xml %s/ before COPY . .", module, module)
                        .isBetween(0, sources));
        assertThat(dockerfile).doesNotContain("|| true");
    }

    @Test
    void composeRequiresTheBootstrapAdminAndNeverGrantsTheFirstAccount() throws IOException {
        var api = environment(service("api-service"));

        assertThat(api.get("POS_BOOTSTRAP_ADMIN_USERNAME")).asString().startsWith("${POS_BOOTSTRAP_ADMIN_USERNAME:?");
        assertThat(api.get("POS_BOOTSTRAP_ADMIN_PASSWORD")).asString().startsWith("${POS_BOOTSTRAP_ADMIN_PASSWORD:?");
        for (var service : services().values()) {
            assertThat(environment(asMap(service))).doesNotContainKey("POS_FIRST_ACCOUNT_ADMIN");
        }
    }

    @Test
    void composePublishesOnlyTheApiOnEveryInterface() throws IOException {
        for (var entry : services().entrySet()) {
            var ports = ports(asMap(entry.getValue()));
            if (entry.getKey().equals("api-service")) {
                assertThat(ports).containsExactly("8080:8080");
            } else {
                assertThat(ports).as(entry.getKey()).allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        }
        assertThat(ports(service("order-processor"))).isEmpty();
        assertThat(ports(service("inventory-processor"))).isEmpty();
    }

    @Test
    void composeKeepsEachProcessorContainersStateInItsOwnVolume() throws IOException {
        for (var processor : List.of("order-processor", "inventory-processor")) {
            // an anonymous volume ("/data"): one per container, taken over when compose recreates the container
            assertThat(service(processor).get("volumes")).as(processor).isEqualTo(List.of("/data"));
            assertThat(environment(service(processor))).as(processor).doesNotContainKey("POS_STATE_DIR");
        }
    }

    @Test
    void kubernetesTakesTheBootstrapAdminFromASecret() throws IOException {
        var env = new ArrayList<Map<String, Object>>();
        for (var document : yamlDocuments("deploy/k8s/api-service.yaml")) {
            if ("Deployment".equals(document.get("kind"))) {
                var containers =
                        (List<?>) at(document, "spec", "template", "spec").get("containers");
                ((List<?>) asMap(containers.get(0)).get("env")).forEach(variable -> env.add(asMap(variable)));
            }
        }

        assertThat(env)
                .filteredOn(variable -> variable.get("name").toString().startsWith("POS_BOOTSTRAP_ADMIN_"))
                .hasSize(3)
                .allSatisfy(variable -> assertThat(at(variable, "valueFrom", "secretKeyRef"))
                        .containsEntry("name", "pos-bootstrap-admin"));
        assertThat(env).noneMatch(variable -> variable.get("name").equals("POS_FIRST_ACCOUNT_ADMIN"));
    }

    private static List<Map<String, Object>> workflowSteps() throws IOException {
        var workflow = yaml(".github/workflows/ci.yml");
        var steps = new ArrayList<Map<String, Object>>();
        asMap(workflow.get("jobs"))
                .values()
                .forEach(job -> ((List<?>) asMap(job).get("steps")).forEach(step -> steps.add(asMap(step))));
        return steps;
    }

    private static List<String> runCommands(List<Map<String, Object>> steps) {
        return steps.stream()
                .map(step -> step.get("run"))
                .filter(run -> run != null)
                .map(run -> run.toString().strip())
                .toList();
    }

    private static Map<String, Object> services() throws IOException {
        return asMap(yaml("docker-compose.yml").get("services"));
    }

    private static Map<String, Object> service(String name) throws IOException {
        return asMap(services().get(name));
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return asMap(service.getOrDefault("environment", Map.of()));
    }

    private static List<String> ports(Map<String, Object> service) {
        return ((List<?>) service.getOrDefault("ports", List.of()))
                .stream().map(Object::toString).toList();
    }

    private static Map<String, Object> at(Map<String, Object> map, String... path) {
        var current = map;
        for (var key : path) {
            current = asMap(current.get(key));
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return asMap(parser().load(read(file)));
    }

    private static List<Map<String, Object>> yamlDocuments(String file) throws IOException {
        return StreamSupport.stream(parser().loadAll(read(file)).spliterator(), false)
                .map(DeploymentFilesTest::asMap)
                .toList();
    }

    private static Yaml parser() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    private static Path repositoryRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
