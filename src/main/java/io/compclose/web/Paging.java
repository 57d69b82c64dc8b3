package io.compclose.web;

/**
 * Which page of a long list a page shows: the one asked for, kept between the first and the last.
 *
 * @param page  the page shown, from 1
 * @param pages how many pages there are, at least 1
 */
record Paging(long count, int size, int page, int pages) {

    static Paging of(long count, int size, int asked) {
        int pages = (int) Math.max(1, (count + size - 1) / size);
        return new Paging(count, size, Math.min(Math.max(1, asked), pages), pages);
    }

    int offset() {
        return (page - 1) * size;
    }
}
