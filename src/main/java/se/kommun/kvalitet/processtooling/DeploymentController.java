package se.kommun.kvalitet.processtooling;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.web.ProblemApi;

/** Redeploy without a rebuild, for process owners (the access rule is in WebSecurityConfiguration). */
@RestController
@ProblemApi
@RequestMapping(path = "/api/admin", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class DeploymentController {

    private final ProcessRedeployment redeployment;

    DeploymentController(ProcessRedeployment redeployment) {
        this.redeployment = redeployment;
    }

    @PostMapping("/deployments")
    ProcessRedeployment.Result redeploy() {
        return redeployment.redeploy();
    }
}
