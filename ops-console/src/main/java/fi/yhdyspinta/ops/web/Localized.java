package fi.yhdyspinta.ops.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.TemplateInstance;

/** A page in the language of the request ({@link Language}). */
final class Localized {

    private Localized() {
    }

    static TemplateInstance page(TemplateInstance page, UriInfo uri, HttpHeaders headers) {
        return page.setLocale(Language.of(uri, headers));
    }
}
