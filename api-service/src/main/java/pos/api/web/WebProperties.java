package pos.api.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest request body taken (1 MB by default: an order of 200 lines is about 30 KB);
 *                       larger ones are refused with 413 before anything reads them
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the API whose X-Forwarded-For is
 *                       believed when telling clients apart (none by default: see {@link ClientAddresses})
 */
@ConfigurationProperties("pos.web")
public record WebProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue List<String> trustedProxies) {

    public WebProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
