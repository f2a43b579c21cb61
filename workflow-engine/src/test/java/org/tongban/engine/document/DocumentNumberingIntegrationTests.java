package org.tongban.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;

/**
 * 发文字号 under concurrency, on H2 and again on MariaDB: gap-free, never duplicated, a rolled-back number given
 * to the next document. Each test numbers in a year of its own, so the counters start at 1.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class DocumentNumberingIntegrationTests {

    private static final Pattern NUMBER = Pattern.compile("杭市监〔2031〕(\\d+)号");

    @Autowired
    DocumentNumbering numbering;
    @Autowired
    DocumentMapper mapper;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void numbers100DocumentsFromParallelThreadsExactlyOneToHundred() throws Exception {
        List<Long> ids = IntStream.range(0, 100).mapToObj(i -> signed(DocumentKind.NOTICE, 2031)).toList();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (long id : ids) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tx.execute(status -> numbering.assign(id));
                }));
            }
            start.countDown();
            List<Long> serials = new ArrayList<>();
            for (Future<String> result : results) {
                Matcher m = NUMBER.matcher(result.get(2, TimeUnit.MINUTES));
                assertThat(m.matches()).isTrue();
                serials.add(Long.valueOf(m.group(1)));
            }
            assertThat(serials).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        // what was returned is what was stored
        for (int i = 0; i < ids.size(); i++) {
            assertThat(mapper.findDocument(ids.get(i)).docNumber).isEqualTo(results.get(i).get());
        }
    }

    @Test
    void givesARolledBackNumberToTheNextDocumentAndKeepsANumberOnceGiven() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long first = signed(DocumentKind.NOTICE, 2032);
        long second = signed(DocumentKind.DECISION, 2032);

        assertThatThrownBy(() -> tx.execute(status -> {
            assertThat(numbering.assign(first)).isEqualTo("杭市监〔2032〕1号");
            throw new IllegalStateException("the sign-off failed after numbering");
        })).hasMessageContaining("sign-off failed");

        assertThat(mapper.findDocument(first).docNumber).isNull();
        assertThat(number(second)).isEqualTo("杭市监〔2032〕1号");
        assertThat(number(first)).isEqualTo("杭市监〔2032〕2号");
        assertThat(number(second)).isEqualTo("杭市监〔2032〕1号");
    }

    @Test
    void numbersLettersMinutesAndOrdersApartFromTheRest() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThat(number(signed(DocumentKind.LETTER, 2033))).isEqualTo("杭市监函〔2033〕1号");
        assertThat(number(signed(DocumentKind.NOTICE, 2033))).isEqualTo("杭市监〔2033〕1号");
        assertThat(number(signed(DocumentKind.REQUEST, 2033))).isEqualTo("杭市监〔2033〕2号");
        assertThat(number(signed(DocumentKind.MINUTES, 2033))).isEqualTo("杭市监纪〔2033〕1号");
        assertThat(number(signed(DocumentKind.LETTER, 2033))).isEqualTo("杭市监函〔2033〕2号");
        assertThat(number(signed(DocumentKind.ORDER, 2034))).isEqualTo("杭市监令〔2034〕1号");
    }

    @Test
    void numbersOnlyInsideTheCallersTransaction() {
        long id = signed(DocumentKind.NOTICE, 2035);
        assertThatThrownBy(() -> numbering.assign(id)).isInstanceOf(IllegalTransactionStateException.class);
    }

    private String number(long id) {
        return new TransactionTemplate(transactions).execute(status -> numbering.assign(id));
    }

    /** A signed document of 市场监管局 whose sign-off falls in {@code year}. */
    private long signed(DocumentKind kind, int year) {
        DocumentRow row = new DocumentRow();
        row.direction = Direction.OUTGOING.name();
        row.kind = kind.name();
        row.title = "编号测试 " + kind.label();
        row.agencyCode = "HZ_SJ";
        row.departmentCode = "SJ_FOOD";
        row.officeDepartment = "SJ_OFFICE";
        row.drafter = "liqiang";
        row.status = DocumentStatus.DRAFTING.name();
        row.currentVersion = 1;
        row.createdAt = Instant.now();
        row.updatedAt = row.createdAt;
        mapper.insertDocument(row);
        Instant signedAt = LocalDate.of(year, 6, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        mapper.sign(row.id, "sunwei", signedAt, DocumentStatus.SIGNED.name());
        return row.id;
    }
}
