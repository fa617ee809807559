package se.kommun.kvalitet.security;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;

/** Small BPMN models for the engine tests, and a deployment through the engine REST API as Modeler does it. */
final class EngineModels {

    private EngineModels() {
    }

    /** A one-task process whose task is {@code task} (BPMN XML of the activity, id "probe"). */
    static String process(String processId, String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://kvalitet.test">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start"/>
                    <sequenceFlow id="toProbe" sourceRef="start" targetRef="probe"/>
                    %s
                    <sequenceFlow id="toEnd" sourceRef="probe" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(processId, task);
    }

    static ResponseEntity<String> deployThroughRest(TestRestTemplate http, String name, String bpmn) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "kvalitet-test");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name + ".bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
