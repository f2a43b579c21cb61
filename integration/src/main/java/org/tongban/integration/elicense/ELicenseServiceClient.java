package org.tongban.integration.elicense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.tongban.engine.elicense.ELicense;
import org.tongban.engine.elicense.ELicenseDirectory;
import org.tongban.engine.elicense.ELicenseType;
import org.tongban.engine.elicense.ELicenseUnavailableException;
import org.tongban.integration.channels.ChannelHttp;

/**
 * A 电子证照库-style licence service: {@code GET {url}/licenses/{type}/{holderIdNumber}} with a bearer API key and a
 * request id; 200 with {@code {licenseNumber, holderName, holderIdNumber, issuer, validUntil}}, 404 when the
 * holder has none. Anything else — a timeout (1 s connect, 2 s read by default: the clerk waits at the window), 5xx,
 * an unreadable answer, or a licence of someone else — is "unavailable", and intake takes the paper material.
 */
@Component
@ConditionalOnProperty(name = "tongban.elicense.url")
class ELicenseServiceClient implements ELicenseDirectory {

    private final RestClient http;
    private final String url;
    private final String apiKey;
    private final ObjectMapper json = new ObjectMapper();

    ELicenseServiceClient(@Value("${tongban.elicense.url}") String url,
                          @Value("${tongban.elicense.api-key:}") String apiKey,
                          @Value("${tongban.elicense.connect-timeout:1s}") Duration connectTimeout,
                          @Value("${tongban.elicense.read-timeout:2s}") Duration readTimeout) {
        this.http = ChannelHttp.client("", connectTimeout, readTimeout);
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
    }

    @Override
    public Optional<ELicense> find(ELicenseType type, String holderIdNumber) {
        ResponseEntity<String> answer;
        try {
            answer = http.get().uri(url + "/licenses/{type}/{holder}", type.name(), holderIdNumber)
                    .accept(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + apiKey)
                    .header("X-Request-Id", UUID.randomUUID().toString())
                    .retrieve().toEntity(String.class);
        } catch (RuntimeException e) { // connect or read timeout, connection refused
            throw new ELicenseUnavailableException("证照服务无应答：" + e.getMessage(), e);
        }
        if (answer.getStatusCode().value() == 404) {
            return Optional.empty();
        }
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new ELicenseUnavailableException("证照服务答复 " + answer.getStatusCode().value() + "："
                    + ChannelHttp.abbreviate(answer.getBody()), null);
        }
        try {
            JsonNode body = json.readTree(answer.getBody());
            String number = body.path("licenseNumber").asText(null);
            String holder = body.path("holderIdNumber").asText(holderIdNumber);
            if (number == null || number.isBlank() || !holder.equalsIgnoreCase(holderIdNumber)) {
                throw new IllegalStateException("answer without a licence number, or of another holder");
            }
            String until = body.path("validUntil").asText(null);
            return Optional.of(new ELicense(type, number, body.path("holderName").asText(null), holder,
                    body.path("issuer").asText(null), until == null ? null : LocalDate.parse(until)));
        } catch (Exception e) {
            throw new ELicenseUnavailableException("证照服务答复无法识别：" + e.getMessage(), e);
        }
    }
}
