package io.github.sarisync.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A student as SARI knows them (getCustomer). {@code toString} masks the faberid and leaves out
 * personal data.
 */
public record Customer(String faberId, LocalDate birthdate, String firstName, String lastName, String street,
                       String zip, String city, List<License> licenses) {
    public Customer {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    @Override
    public String toString() {
        return "Customer[faberId=" + FaberIds.mask(faberId) + ", licenses=" + licenses + "]";
    }
}
