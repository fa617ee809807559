package se.kommun.kvalitet.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

/**
 * Creates the unit and role groups with their Camunda authorizations on every start (idempotent), and the
 * demo users when {@code kvalitet.demo.enabled}. Task visibility per unit needs no grant here: Camunda
 * gives a task's candidate group READ/TASK_WORK on that task only, so officers see and work just their units'
 * tasks. Which processes a group may start comes from the BPMN ({@link StartPermissions}).
 */
@Component
class IdentityProvisioning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityProvisioning.class);

    /** The processes whose every instance each unit's managers may read (Tasklist, Cockpit, history). */
    static final List<String> MANAGERS_READ_ALL = List.of("caseHandling");
    /** The award process (awards module), whose definition the jury and its chairs read in Tasklist. */
    static final String AWARD_PROCESS = "qualityAward";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final Organisation organisation;
    private final DemoProperties demo;
    private final StartPermissions startPermissions;

    IdentityProvisioning(IdentityService identityService, AuthorizationService authorizationService,
            Organisation organisation, DemoProperties demo, StartPermissions startPermissions) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.organisation = organisation;
        this.demo = demo;
        this.startPermissions = startPermissions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Organisation.Unit unit : organisation.units()) {
            provisionOfficers(unit.officerGroup(), "Handläggare " + unit.name());
            provisionManagers(unit.managerGroup(), "Chefer " + unit.name());
        }
        provisionProcessOwners(organisation.processOwnerGroup());
        provisionQuality(organisation.qualityGroup());
        provisionMas(organisation.masGroup());
        provisionContractManagers(organisation.contractManagerGroup());
        provisionCommitteeDelegates(organisation.committeeDelegateGroup());
        provisionAwardGroups(organisation.awardGroups());
        startPermissions.synchronise();
        if (demo.enabled()) {
            createDemoUsers();
        }
    }

    private void provisionOfficers(String groupId, String name) {
        ensureGroup(groupId, name);
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
        // Registering a letter or phone call is starting a process from Tasklist's start form: READ to list the
        // processes, CREATE on instances; CREATE_INSTANCE only on the processes whose BPMN names the group.
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, READ);
        revoke(groupId, Resources.PROCESS_DEFINITION, ANY, CREATE_INSTANCE);
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, CREATE);
    }

    private void provisionManagers(String groupId, String name) {
        ensureGroup(groupId, name);
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
        grant(groupId, Resources.APPLICATION, "cockpit", ACCESS);
        // Every unit's manager reads every synpunkt (they are public records), but a deviation only for the unit's
        // own managers (OSL 26 kap., issue 17): reading instances, tasks and history goes per process key, and the
        // deviation process is not among them (its tasks name the unit's managers as candidates instead).
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, READ);
        for (Permission readAll : List.<Permission>of(READ_HISTORY, READ_INSTANCE, READ_TASK)) {
            revoke(groupId, Resources.PROCESS_DEFINITION, ANY, readAll);
        }
        for (String processKey : MANAGERS_READ_ALL) {
            grant(groupId, Resources.PROCESS_DEFINITION, processKey, READ, READ_HISTORY, READ_INSTANCE, READ_TASK);
        }
        // READ on every process instance would open the deviations' variables to every unit's manager; reading
        // synpunkt instances comes with READ_INSTANCE on caseHandling above. Revoked where an earlier start granted it.
        revoke(groupId, Resources.PROCESS_INSTANCE, ANY, READ);
        grant(groupId, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    }

    private void provisionProcessOwners(String groupId) {
        ensureGroup(groupId, "Processägare");
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
        grant(groupId, Resources.APPLICATION, "cockpit", ACCESS);
        for (Resource resource : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION,
                Resources.PROCESS_INSTANCE, Resources.DECISION_DEFINITION,
                Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.BATCH)) {
            grant(groupId, resource, ANY, ALL);
        }
    }

    /** The group exists so models may name it and members can be added; its rights come with its first process. */
    private void provisionQuality(String groupId) {
        ensureGroup(groupId, "Kvalitetssamordnare");
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    }

    /** Lex Maria tasks name the group as candidate; Camunda grants each task to it as it is created. */
    private void provisionMas(String groupId) {
        ensureGroup(groupId, "Medicinskt ansvariga sjuksköterskor (MAS)");
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    }

    /** Follow-up tasks name the group as candidate; the register and the report check it per request. */
    private void provisionContractManagers(String groupId) {
        ensureGroup(groupId, "Avtalsförvaltare");
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    }

    /** Approval tasks (kvalitetspeng) name the group as candidate; the period report checks it per request. */
    private void provisionCommitteeDelegates(String groupId) {
        ensureGroup(groupId, "Nämndens delegater");
        grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    }

    /**
     * Kvalitetsutmärkelse: a jury member's tasks are assigned to her, the chair's name the chairs' group; the
     * administrators open calls through the API, which checks the group per request.
     */
    private void provisionAwardGroups(Organisation.AwardGroups groups) {
        ensureGroup(groups.administrators(), "Administratörer kvalitetsutmärkelse");
        ensureGroup(groups.jury(), "Jury kvalitetsutmärkelse");
        ensureGroup(groups.chairs(), "Juryns ordförande");
        for (String group : List.of(groups.administrators(), groups.jury(), groups.chairs())) {
            grant(group, Resources.APPLICATION, "tasklist", ACCESS);
        }
        // Tasklist reads the definition of a task's process (its forms); only the award's, not the other processes'.
        for (String group : List.of(groups.jury(), groups.chairs())) {
            grant(group, Resources.PROCESS_DEFINITION, AWARD_PROCESS, READ);
        }
    }

    private void createDemoUsers() {
        String officersA = organisation.units().get(0).officerGroup();
        String officersB = organisation.units().get(1).officerGroup();
        boolean created = ensureUser("anna", "Anna", "Andersson", officersA)
                | ensureUser("bjorn", "Björn", "Berg", officersB)
                | ensureUser("maria", "Maria", "Lind", organisation.units().stream()
                        .map(Organisation.Unit::managerGroup).toArray(String[]::new))
                | ensureUser("per", "Per", "Ek", organisation.processOwnerGroup())
                | ensureUser("mats", "Mats", "Holm", organisation.masGroup())
                | ensureUser("klara", "Klara", "Dahl", organisation.contractManagerGroup())
                | ensureUser("nora", "Nora", "Sjöberg", organisation.committeeDelegateGroup())
                | ensureUser("sara", "Sara", "Nord", organisation.awardGroups().administrators())
                | ensureUser("karin", "Karin", "Ström", organisation.awardGroups().jury(),
                        organisation.awardGroups().chairs())
                | ensureUser("lena", "Lena", "Berg", organisation.awardGroups().jury())
                | ensureUser("omar", "Omar", "Haddad", organisation.awardGroups().jury());
        if (created) {
            log.warn("""
                    Demoanvändare skapade (endast för utveckling) / demo users created (dev only):
                      anna  – handläggare {}
                      bjorn – handläggare {}
                      maria – chef för alla enheter
                      per   – processägare
                      mats  – medicinskt ansvarig sjuksköterska (MAS, lex Maria)
                      klara – avtalsförvaltare (avtalsregister, avtalsuppföljning)
                      nora  – nämndens delegat (beslutar kvalitetspeng)
                      sara  – administratör kvalitetsutmärkelse (öppnar utlysningar)
                      karin – jury och juryns ordförande; lena, omar – jury
                    Lösenord för alla / password for all: {}""",
                    organisation.units().get(0).name(), organisation.units().get(1).name(), demo.password());
        }
    }

    private boolean ensureUser(String id, String firstName, String lastName, String... groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@kommun.example");
        user.setPassword(demo.password());
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        return true;
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
    }

    /** Takes back a permission that earlier versions granted (databases provisioned before issue 15). */
    private void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
        for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list()) {
            if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                    && authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                authorizationService.saveAuthorization(authorization);
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
