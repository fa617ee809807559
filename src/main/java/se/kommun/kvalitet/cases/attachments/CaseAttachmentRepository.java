package se.kommun.kvalitet.cases.attachments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseAttachmentRepository extends JpaRepository<CaseAttachment, Long> {

    /** Listing without the file contents. */
    interface Summary {
        Long getId();

        String getFileName();

        String getContentType();

        long getSize();

        Instant getUploadedAt();

        String getUploadedBy();
    }

    List<Summary> findAllByCitizenCaseIdOrderById(Long citizenCaseId);

    Optional<CaseAttachment> findByIdAndCitizenCaseId(Long id, Long citizenCaseId);
}
