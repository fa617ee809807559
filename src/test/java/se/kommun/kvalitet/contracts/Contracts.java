package se.kommun.kvalitet.contracts;

import se.kommun.kvalitet.contracts.register.NewContract;

/** Test data: contracts with valid fields, varied by number, title, area and strategic. */
final class Contracts {

    static final String MANAGER = "klara";

    private Contracts() {
    }

    static NewContract contract(String number, String title, String area, String committee) {
        return contract(number, title, area, committee, MANAGER);
    }

    static NewContract homeCare(String number) {
        return homeCare(number, MANAGER);
    }

    static NewContract homeCare(String number, String contractManager) {
        return contract(number, "Hemtjänst " + number, "HOME_CARE", "vardOmsorgNamnd", contractManager);
    }

    private static NewContract contract(String number, String title, String area, String committee,
            String contractManager) {
        return new NewContract(number, title, "Omsorg i Norr AB", "556016-0680", area, committee, true,
                "2026-01-01", "2027-12-31", null, "avtal@omsorg-norr.example", contractManager, "P6M");
    }
}
