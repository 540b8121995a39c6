package org.backproplab.ui.files;

/** The kinds of file the lab opens or writes, each with its extension and the words its dialogs use. */
public enum FileKind {
    LESSON("json"),
    POINTS("csv"),
    PICTURE("png"),
    TRACE_CSV("csv"),
    TRACE_JSON("json"),
    WORKED_EXAMPLE("md"),
    PYTHON_SCRIPT("py"),
    NOTEBOOK("ipynb");

    private final String extension;

    FileKind(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    /** The key of its filter's description in the messages ("files.kind.lesson"). */
    String messageKey() {
        return "files.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
