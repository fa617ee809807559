package se.kommun.kvalitet.contracts.register;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.contracts.process.FollowUps;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.Timeline;

/** Registers a contract and starts its follow-up process, in one transaction: a refused contract leaves nothing. */
@Service
public class ContractRegister {

    private final ContractValidator validator;
    private final ContractRepository repository;
    private final Timeline timeline;
    private final FollowUps followUps;

    ContractRegister(ContractValidator validator, ContractRepository repository, Timeline timeline,
            FollowUps followUps) {
        this.validator = validator;
        this.repository = repository;
        this.timeline = timeline;
        this.followUps = followUps;
    }

    @Transactional
    public Contract register(NewContract contract, String registeredBy) {
        Contract valid = validator.validate(contract, registeredBy);
        long id = repository.insert(valid);
        timeline.record(id, null, registeredBy, "REGISTERED", "Avtalet registrerat");
        Contract stored = repository.require(valid.number());
        followUps.start(stored);
        return stored;
    }
}
