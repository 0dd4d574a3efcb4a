package pos.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest request body taken (1 MB by default: an order of 200 lines is about 30 KB);
 *                       larger ones are refused with 413 before anything reads them
 */
@ConfigurationProperties("pos.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxRequestBody) {
}
