package dev.appointments.authserver;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The login page, with a way to sign up, and the sign-up page: a new user picks a name
 * and a password and becomes a patient with a patient id of its own, then signs in. The
 * browser's pending authorization request is kept in its session, so signing in after
 * signing up continues to the page that asked.
 */
@Controller
final class AccountPages {

    /** A name that is safe in a URL, a log line and a token's subject. */
    private static final String USERNAME = "[A-Za-z0-9._@-]{3,64}";

    private static final int PASSWORD_MIN = 8;

    private final DemoUsers users;

    AccountPages(DemoUsers users) {
        this.users = users;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(CsrfToken csrf, @RequestParam Map<String, String> parameters) {
        String notice = parameters.containsKey("error")
                ? "<p class=\"error\" role=\"alert\">Wrong name or password.</p>"
                : parameters.containsKey("signed-up")
                        ? "<p class=\"notice\" role=\"status\">Account created: sign in with it.</p>"
                        : parameters.containsKey("logout") ? "<p class=\"notice\" role=\"status\">Signed out.</p>" : "";
        return page("Sign in", notice + """
                <form method="post" action="/login">
                  <label>Name <input id="username" name="username" autocomplete="username" required autofocus></label>
                  <label>Password <input id="password" name="password" type="password"
                         autocomplete="current-password" required></label>
                  %s
                  <button id="sign-in" type="submit">Sign in</button>
                </form>
                <p>New here? <a id="sign-up-link" href="/signup">Create an account</a></p>
                """.formatted(hidden(csrf)));
    }

    @GetMapping(path = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signUpForm(CsrfToken csrf) {
        return signUpPage(csrf, "", "").status(200);
    }

    @PostMapping(path = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signUp(CsrfToken csrf, @RequestParam String username, @RequestParam String password) {
        if (!username.matches(USERNAME)) {
            return signUpPage(csrf, username, "A name is 3 to 64 letters, digits or . _ @ -.").status(400);
        }
        if (password.length() < PASSWORD_MIN) {
            return signUpPage(csrf, username, "A password has at least %d characters.".formatted(PASSWORD_MIN))
                .status(400);
        }
        if (users.signUp(username, password).isEmpty()) {
            return signUpPage(csrf, username, "This name is taken; pick another.").status(409);
        }
        return ResponseEntity.status(303).header("Location", "/login?signed-up").build();
    }

    private static SignUpPage signUpPage(CsrfToken csrf, String username, String error) {
        String notice = error.isEmpty() ? ""
                : "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(error) + "</p>";
        return new SignUpPage(notice + """
                <form method="post" action="/signup">
                  <label>Name <input id="username" name="username" value="%s" autocomplete="username" required
                         autofocus></label>
                  <label>Password (at least %d characters) <input id="password" name="password" type="password"
                         autocomplete="new-password" required></label>
                  %s
                  <button id="sign-up" type="submit">Create account</button>
                </form>
                <p>Have an account? <a href="/login">Sign in</a></p>
                """.formatted(HtmlUtils.htmlEscape(username), PASSWORD_MIN, hidden(csrf)));
    }

    private static String hidden(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
    }

    private static ResponseEntity<String> page(String title, String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 3rem auto; padding: 0 1rem; }
                  label { display: block; margin: .8rem 0; } input { display: block; width: 100%%; padding: .4rem; }
                  button { margin-top: .8rem; padding: .5rem 1rem; } .error { color: #a00; } .notice { color: #060; }
                </style></head>
                <body><h1>%s</h1>
                %s</body></html>
                """.formatted(title, title, body));
    }

    /** The sign-up page, answered with the status that says why it is shown again. */
    private record SignUpPage(String body) {

        ResponseEntity<String> status(int status) {
            ResponseEntity<String> page = page("Create an account", body);
            return ResponseEntity.status(status).headers(page.getHeaders()).body(page.getBody());
        }
    }

}
