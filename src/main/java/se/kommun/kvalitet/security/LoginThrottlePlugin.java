package se.kommun.kvalitet.security;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every password check goes through the engine's identity service: ours (CamundaIdentityAuthenticationProvider),
 * Camunda's engine REST HTTP Basic, the webapps' login, and engine REST's own password checks (identity/verify,
 * changing a password). This plugin installs one that reports each check to the {@link LoginThrottle} and answers
 * a recently verified password from the {@link CredentialCache}, which each identity write through it empties.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;
    private final CredentialCache cache;

    LoginThrottlePlugin(LoginThrottle throttle, CredentialCache cache) {
        this.throttle = throttle;
        this.cache = cache;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new ThrottledIdentityService(throttle, cache));
    }

    /**
     * The throttle comes first, so an address in back-off is refused even with a cached password, and every check
     * the cache cannot answer (a wrong password always) is counted as before. The writes below are every one that
     * changes a user's password, existence, groups or tenants; saveUser(User) goes through saveUser(User, boolean).
     */
    static final class ThrottledIdentityService extends IdentityServiceImpl {

        private final LoginThrottle throttle;
        private final CredentialCache cache;

        ThrottledIdentityService(LoginThrottle throttle, CredentialCache cache) {
            this.throttle = throttle;
            this.cache = cache;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return throttle.checkPassword(userId,
                    () -> cache.checkPassword(userId, password, () -> super.checkPassword(userId, password)));
        }

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            changing(() -> super.saveUser(user, skipPasswordPolicy));
        }

        @Override
        public void deleteUser(String userId) {
            changing(() -> super.deleteUser(userId));
        }

        @Override
        public void deleteGroup(String groupId) {
            changing(() -> super.deleteGroup(groupId));
        }

        @Override
        public void createMembership(String userId, String groupId) {
            changing(() -> super.createMembership(userId, groupId));
        }

        @Override
        public void deleteMembership(String userId, String groupId) {
            changing(() -> super.deleteMembership(userId, groupId));
        }

        @Override
        public void deleteTenant(String tenantId) {
            changing(() -> super.deleteTenant(tenantId));
        }

        @Override
        public void createTenantUserMembership(String tenantId, String userId) {
            changing(() -> super.createTenantUserMembership(tenantId, userId));
        }

        @Override
        public void createTenantGroupMembership(String tenantId, String groupId) {
            changing(() -> super.createTenantGroupMembership(tenantId, groupId));
        }

        @Override
        public void deleteTenantUserMembership(String tenantId, String userId) {
            changing(() -> super.deleteTenantUserMembership(tenantId, userId));
        }

        @Override
        public void deleteTenantGroupMembership(String tenantId, String groupId) {
            changing(() -> super.deleteTenantGroupMembership(tenantId, groupId));
        }

        private void changing(Runnable write) {
            try {
                write.run();
            } finally {
                cache.identityChanged();
            }
        }
    }
}
