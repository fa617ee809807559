package se.kommun.kvalitet.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param trustedProxies IPs/CIDRs whose X-Forwarded-For is believed; empty: none (outside tools rely on this) */
@ConfigurationProperties("kvalitet")
record ProxyProperties(@DefaultValue List<String> trustedProxies) {
}
