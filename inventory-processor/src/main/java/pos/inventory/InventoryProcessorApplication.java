package pos.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InventoryProcessorApplication {

    /** Own config file name, so the three services can share one JVM (local-stack) without shadowing each other. */
    public static final String CONFIG_NAME = "inventory-processor";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(InventoryProcessorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
