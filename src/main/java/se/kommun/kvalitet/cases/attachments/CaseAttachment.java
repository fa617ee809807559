package se.kommun.kvalitet.cases.attachments;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file an officer attached to a case (Camunda Forms have no upload; this is its own endpoint). */
@Entity
@Table(name = "case_attachment")
public class CaseAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long citizenCaseId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected CaseAttachment() {
    }

    CaseAttachment(Long citizenCaseId, String fileName, String contentType, byte[] content, Instant uploadedAt,
            String uploadedBy) {
        this.citizenCaseId = citizenCaseId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.content = content;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    Long id() {
        return id;
    }

    Long citizenCaseId() {
        return citizenCaseId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    long size() {
        return size;
    }

    public byte[] content() {
        return content;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }

    String uploadedBy() {
        return uploadedBy;
    }
}
