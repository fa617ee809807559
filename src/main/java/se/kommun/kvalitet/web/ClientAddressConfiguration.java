package se.kommun.kvalitet.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Client addresses for other modules (the login throttle), resolved with the same trusted proxies as here. */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    @Bean
    ClientAddress clientAddress(ProxyProperties proxies) {
        return new ClientAddress(proxies.trustedProxies());
    }
}
