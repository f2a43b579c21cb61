package org.tongban.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunksTests {

    @Test
    void slicesInOrderWithTheRestLast() {
        List<Integer> numbers = IntStream.range(0, 1201).boxed().toList();
        List<List<Integer>> chunks = Chunks.of(numbers, 500);
        assertThat(chunks).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(numbers);
        assertThat(Chunks.of(List.of(), 500)).isEmpty();
        assertThat(Chunks.of(List.of(1, 2), 2)).containsExactly(List.of(1, 2));
        assertThatThrownBy(() -> Chunks.of(numbers, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
