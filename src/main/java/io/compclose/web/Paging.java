package io.compclose.web;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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

    /**
     * The figures and the links of fragments.html's pager: the page asked for again with another page number, its
     * filters kept as they were asked.
     */
    void addTo(Model model) {
        model.addAttribute("count", count);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", page > 1 ? link(page - 1) : null);
        model.addAttribute("nextPage", page < pages ? link(page + 1) : null);
    }

    private static String link(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
