package se.kommun.kvalitet.contracts.record;

public class ContractNotFoundException extends RuntimeException {

    public ContractNotFoundException(String number) {
        super("No contract " + number);
    }
}
