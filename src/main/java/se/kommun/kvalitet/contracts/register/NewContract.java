package se.kommun.kvalitet.contracts.register;

/**
 * A contract to register, as the API's JSON or one CSV row gives it: texts, so that each field can be refused
 * with its own rule (dates {@code YYYY-MM-DD}, the interval an ISO period such as {@code P6M}).
 */
public record NewContract(String number, String title, String supplier, String organisationNumber, String area,
        String committee, Boolean strategic, String start, String end, String extendedTo, String contactEmail,
        String contractManager, String followUpInterval) {
}
