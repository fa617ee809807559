package se.kommun.kvalitet.cases.intake;

import java.util.Locale;

import org.springframework.validation.Errors;
import se.kommun.kvalitet.cases.record.CaseType;

/**
 * What the public form posts. Mutable and all text, because records do not bind from form fields and a
 * coordinate typed as "abc" must become a field error, not a failed conversion. Property paths match
 * {@link NewCase}, so the validator's errors land next to the right inputs.
 */
class PublicCaseForm {

    private CaseType type;
    private String category;
    private String description;
    private Location location = new Location();
    private Contact contact = new Contact();
    private String language;

    static PublicCaseForm forLocale(Locale locale) {
        PublicCaseForm form = new PublicCaseForm();
        form.language = "en".equals(locale.getLanguage()) ? "en" : "sv";
        return form;
    }

    /** Coordinates that are not numbers are rejected into {@code errors} and left out. */
    NewCase toNewCase(Errors errors) {
        return new NewCase(type, category, description,
                new NewCase.Location(location.address, coordinate("location.latitude", location.latitude, errors),
                        coordinate("location.longitude", location.longitude, errors)),
                new NewCase.Contact(contact.name, contact.email, contact.phone), language, null);
    }

    private static Double coordinate(String field, String text, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // Swedish keyboards and habits give a decimal comma.
            double value = Double.parseDouble(text.strip().replace(',', '.'));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.rejectValue(field, "location.coordinateFormat");
        return null;
    }

    public CaseType getType() {
        return type;
    }

    public void setType(CaseType type) {
        this.type = type;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    static class Location {

        private String address;
        private String latitude;
        private String longitude;

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getLatitude() {
            return latitude;
        }

        public void setLatitude(String latitude) {
            this.latitude = latitude;
        }

        public String getLongitude() {
            return longitude;
        }

        public void setLongitude(String longitude) {
            this.longitude = longitude;
        }
    }

    static class Contact {

        private String name;
        private String email;
        private String phone;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }
}
