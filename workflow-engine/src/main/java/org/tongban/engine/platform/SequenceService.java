package org.tongban.engine.platform;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.platform.persistence.SequenceMapper;

/**
 * Gap-free named counters. The value is taken inside the caller's transaction and the row stays locked until
 * it ends, so a rollback returns the number and concurrent callers never get the same one.
 */
@Service
public class SequenceService {

    private final SequenceMapper mapper;

    public SequenceService(SequenceMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Makes sure the counter exists, committing its creation at once (in a transaction of its own) without handing
     * out a number. Call it before {@link #next} where many transactions may start a new counter at the same time
     * (a document number's first use in a year): on MySQL/InnoDB, several transactions that race to insert the same
     * new counter row inside their own transactions can deadlock once the loser's duplicate-key lock meets the
     * update; with the row committed beforehand they only ever queue on its row lock.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensure(String name) {
        if (mapper.current(name) != null) {
            return;
        }
        try {
            mapper.createUnused(name);
        } catch (DuplicateKeyException raced) {
            // someone else created it a moment ago: just as good
        }
    }

    /** The next value of {@code name}, starting at 1. Must run in a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
        if (mapper.increment(name) == 1) {
            return mapper.current(name) - 1;
        }
        try {
            mapper.create(name);
            return 1;
        } catch (DuplicateKeyException raced) {
            // another transaction created the counter first; its row now exists and locks as usual
            mapper.increment(name);
            return mapper.current(name) - 1;
        }
    }
}
