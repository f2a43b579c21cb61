package org.tongban.engine.approval;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.approval.persistence.PhraseMapper;
import org.tongban.engine.approval.persistence.PhraseRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/** 常用语: each person's saved opinions, followed by the defaults seeded for everyone. */
@Service
public class PhraseBookService {

    private static final int MAX_LENGTH = 200;
    private static final int MAX_OWN = 50;

    private final PhraseMapper phrases;
    private final Clock clock;

    public PhraseBookService(PhraseMapper phrases, Clock clock) {
        this.phrases = phrases;
        this.clock = clock;
    }

    /** The actor's own phrases in the order they were added, then the defaults. */
    @Transactional(readOnly = true)
    public List<Phrase> phrases(Actor actor) {
        return phrases.findPhrases(actor.username()).stream()
                .map(p -> new Phrase(p.id, p.content, p.username != null)).toList();
    }

    @Transactional
    public Phrase add(Actor actor, PhraseForm form) {
        if (form.content() == null || form.content().isEmpty() || form.content().length() > MAX_LENGTH) {
            throw new InvalidInputException("常用语不能为空，至多 " + MAX_LENGTH + " 字", Map.of("content", "1 到 " + MAX_LENGTH + " 字"));
        }
        if (phrases(actor).stream().anyMatch(p -> p.content().equals(form.content()))) {
            throw new InvalidInputException("已有相同的常用语", Map.of("content", "重复"));
        }
        if (phrases.countOwn(actor.username()) >= MAX_OWN) {
            throw new ConflictException("常用语至多 " + MAX_OWN + " 条，请先删除不用的");
        }
        Integer max = phrases.maxSortOrder(actor.username());
        PhraseRow row = new PhraseRow();
        row.username = actor.username();
        row.content = form.content();
        row.sortOrder = max == null ? 1 : max + 1;
        row.createdAt = clock.instant();
        phrases.insertPhrase(row);
        return new Phrase(row.id, row.content, true);
    }

    /** Deletes one of the actor's own phrases; defaults and other people's phrases are not found. */
    @Transactional
    public void delete(Actor actor, long id) {
        if (phrases.deleteOwn(id, actor.username()) == 0) {
            throw new NotFoundException("常用语不存在：" + id);
        }
    }
}
