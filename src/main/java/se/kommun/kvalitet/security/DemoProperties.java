package se.kommun.kvalitet.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled create demo users on first start (dev only; the prod profile refuses it) */
@ConfigurationProperties("kvalitet.demo")
record DemoProperties(boolean enabled, String password) {
}
