package se.kommun.kvalitet.contracts.api;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.contracts.process.FollowUps;
import se.kommun.kvalitet.contracts.record.Area;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.FollowUp;
import se.kommun.kvalitet.contracts.record.FollowUpRepository;
import se.kommun.kvalitet.contracts.record.Timeline;
import se.kommun.kvalitet.contracts.register.ContractRegister;
import se.kommun.kvalitet.contracts.register.CsvImport;
import se.kommun.kvalitet.contracts.register.NewContract;
import se.kommun.kvalitet.web.ProblemApi;

/** The contract register, its follow-ups and timeline (docs/avtal.md). */
@RestController
@ProblemApi
@RequestMapping(path = "/api/contracts", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class ContractApiController {

    private final ContractRegister register;
    private final CsvImport csvImport;
    private final ContractRepository contracts;
    private final FollowUpRepository followUps;
    private final Timeline timeline;
    private final ActionPlans actionPlans;
    private final FollowUps process;
    private final ContractAccess access;

    ContractApiController(ContractRegister register, CsvImport csvImport, ContractRepository contracts,
            FollowUpRepository followUps, Timeline timeline, ActionPlans actionPlans, FollowUps process,
            ContractAccess access) {
        this.register = register;
        this.csvImport = csvImport;
        this.contracts = contracts;
        this.followUps = followUps;
        this.timeline = timeline;
        this.actionPlans = actionPlans;
        this.process = process;
        this.access = access;
    }

    record ContractDetails(Contract contract, List<FollowUpDetails> followUps, List<Timeline.Event> timeline) {
    }

    record FollowUpDetails(FollowUp followUp, ActionPlan actionPlan) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Contract> create(@RequestBody NewContract contract, Authentication authentication) {
        access.requireManager(authentication);
        Contract stored = register.register(contract, authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/contracts/" + stored.number()))
                .body(stored);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CsvImport.Report importCsv(@RequestPart("file") MultipartFile file, Authentication authentication)
            throws IOException {
        access.requireManager(authentication);
        return csvImport.importCsv(file.getInputStream(), authentication.getName());
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    CsvImport.Report importCsvBody(@RequestBody byte[] csv, Authentication authentication) throws IOException {
        access.requireManager(authentication);
        return csvImport.importCsv(new java.io.ByteArrayInputStream(csv), authentication.getName());
    }

    @GetMapping
    List<Contract> search(@RequestParam(required = false) String supplier, @RequestParam(required = false) Area area,
            @RequestParam(required = false) String committee, @RequestParam(required = false) Boolean strategic,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeTo,
            Authentication authentication) {
        access.requireAnyReader(authentication);
        return contracts.search(new ContractRepository.Search(supplier, area, committee, strategic, activeFrom,
                activeTo)).stream().filter(c -> access.reads(c.committee(), authentication)).toList();
    }

    @GetMapping("/{number}")
    ContractDetails read(@PathVariable String number, Authentication authentication) {
        Contract contract = contracts.require(number);
        access.requireReader(contract.committee(), authentication);
        return new ContractDetails(contract, followUps.ofContract(contract.id()).stream()
                .map(f -> new FollowUpDetails(f, f.actionPlanId() == null ? null
                        : actionPlans.find(f.actionPlanId()).orElse(null))).toList(), timeline.of(contract.id()));
    }

    @PostMapping("/{number}/follow-ups")
    ResponseEntity<Void> followUpNow(@PathVariable String number, Authentication authentication) {
        access.requireManager(authentication);
        contracts.require(number);
        process.requestNow(number, authentication.getName());
        return ResponseEntity.accepted().location(URI.create("/api/contracts/" + number)).build();
    }
}
