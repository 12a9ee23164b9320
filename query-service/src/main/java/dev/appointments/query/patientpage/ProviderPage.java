package dev.appointments.query.patientpage;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the provider page ({@code static/provider.html}, {@code provider.js}) at
 * {@code /provider}, which is also the address the authorization server sends a provider
 * back to after signing in. It shares the patient page's settings
 * ({@code /patient-page/config}) and sign-in client.
 */
@Configuration(proxyBeanMethods = false)
class ProviderPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/provider").setViewName("forward:/provider.html");
    }

}
