package io.newsflow.pagefiles;

/** Text decoded from a page file, with the name of the charset that decoded it. */
public record DecodedText(String text, String charset) {
}
