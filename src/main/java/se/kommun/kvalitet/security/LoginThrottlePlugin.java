package se.kommun.kvalitet.security;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every password check goes through the engine's identity service: ours (CamundaIdentityAuthenticationProvider),
 * Camunda's engine REST HTTP Basic, the webapps' login, and engine REST's own password checks (identity/verify,
 * changing a password). This plugin installs one that reports each check to the {@link LoginThrottle}.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;

    LoginThrottlePlugin(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new ThrottledIdentityService(throttle));
    }

    static final class ThrottledIdentityService extends IdentityServiceImpl {

        private final LoginThrottle throttle;

        ThrottledIdentityService(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return throttle.checkPassword(userId, () -> super.checkPassword(userId, password));
        }
    }
}
