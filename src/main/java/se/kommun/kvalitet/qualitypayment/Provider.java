package se.kommun.kvalitet.qualitypayment;

/** A provider that reports results: a contracted supplier (with its contract) or an in-house unit (without). */
record Provider(String name, String contractNumber, String area, String unit, String email) {

    boolean inHouse() {
        return contractNumber == null;
    }
}
