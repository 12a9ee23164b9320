package dev.appointments.query.ops;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard at {@code /ops}: a static page ({@code static/ops/}) whose numbers all
 * come from the ops API with the operator's token. Its page, script and style carry no
 * data, so they are served without a token (a browser cannot send one to load a page).
 */
@Controller
class OpsPage {

    @GetMapping("/ops")
    String dashboard() {
        return "forward:/ops/index.html";
    }

}
