package io.newsflow.system;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a PNG of the browser's page to {@code target/screenshots/} (never committed): what a person looks at
 * after a run to see that the pages look right, Chinese glyphs included.
 */
final class WebScreenshots {
    private final Path folder;

    WebScreenshots(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The visible part of the page, as the window shows it. */
    Path take(WebDriver driver, String name) {
        Path file = folder.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
