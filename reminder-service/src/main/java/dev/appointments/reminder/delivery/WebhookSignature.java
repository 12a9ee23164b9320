package dev.appointments.reminder.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value of the {@code X-Signature-SHA256} header: {@code sha256=} and the hex
 * HMAC-SHA256 of the exact body bytes, keyed with the provider's secret. A receiver
 * computes the same over the bytes it received and compares in constant time.
 */
final class WebhookSignature {

    public static final String HEADER = "X-Signature-SHA256";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

}
