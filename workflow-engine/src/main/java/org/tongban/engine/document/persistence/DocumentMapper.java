package org.tongban.engine.document.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The document tables: documents, versions, recipients, countersigns, access, timeline, distribution, handling. */
@Mapper
public interface DocumentMapper {

    void insertDocument(DocumentRow row);

    DocumentRow findDocument(@Param("id") long id);

    List<DocumentRow> findDocuments(@Param("ids") Collection<Long> ids);

    /** Ids of the documents any of the departments or the reader may see, newest first. */
    List<Long> findVisibleIds(@Param("departments") Collection<String> departments, @Param("reader") String reader,
                              @Param("limit") int limit, @Param("offset") int offset);

    long countVisible(@Param("departments") Collection<String> departments, @Param("reader") String reader);

    /** Saves the head fields and moves to the next version, only if the version is still {@code baseVersion}. */
    int updateDraft(@Param("row") DocumentRow row, @Param("baseVersion") int baseVersion);

    void setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void setStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    void sign(@Param("id") long id, @Param("signer") String signer, @Param("signedAt") Instant signedAt,
              @Param("status") String status);

    /** Sets the number of a document that has none yet; 0 when it already had one. */
    int setNumber(@Param("id") long id, @Param("docNumber") String docNumber, @Param("family") String family,
                  @Param("year") int year, @Param("seq") long seq, @Param("at") Instant at);

    void setSealed(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    void setDistributed(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    void setArchived(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    void setReceiptNumber(@Param("id") long id, @Param("receiptNumber") String receiptNumber,
                          @Param("status") String status, @Param("at") Instant at);

    void insertVersion(VersionRow row);

    VersionRow findVersion(@Param("documentId") long documentId, @Param("versionNo") int versionNo);

    List<VersionRow> findVersions(@Param("documentId") long documentId);

    void deleteRecipients(@Param("documentId") long documentId);

    void insertRecipient(RecipientRow row);

    List<RecipientRow> findRecipients(@Param("documentId") long documentId);

    void deleteCountersigns(@Param("documentId") long documentId);

    void insertCountersign(CodeRow row);

    List<CodeRow> findCountersigns(@Param("documentId") long documentId);

    AccessRow findAccess(@Param("documentId") long documentId, @Param("departmentCode") String departmentCode);

    void insertAccess(AccessRow row);

    void updateAccess(AccessRow row);

    /** The access rows of the document for any of the departments. */
    List<AccessRow> findAccessOf(@Param("documentId") long documentId,
                                 @Param("departments") Collection<String> departments);

    void insertStep(DocumentStepRow row);

    List<DocumentStepRow> findSteps(@Param("documentId") long documentId);

    void insertDistribution(DistributionRow row);

    List<DistributionRow> findDistributions(@Param("documentId") long documentId);

    void insertHandling(HandlingRow row);

    void deleteHandlings(@Param("documentId") long documentId);

    int updateHandling(HandlingRow row);

    List<HandlingRow> findHandlings(@Param("documentId") long documentId);
}
