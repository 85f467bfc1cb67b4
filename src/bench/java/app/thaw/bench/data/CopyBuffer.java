package app.thaw.bench.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.PGConnection;

/** Rows in PostgreSQL's COPY text format for one table, sent in one COPY FROM STDIN. */
public final class CopyBuffer {

    private final String table;
    private final String columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    public CopyBuffer(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    public CopyBuffer add(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Instant instant) {
            text.append(instant);
        } else if (value instanceof String s) {
            escape(s);
        } else {
            text.append(value);
        }
        return this;
    }

    public void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    public int rows() {
        return rows;
    }

    /** The rows not yet sent, as COPY reads them (for the generator's own tests). */
    String text() {
        return text.toString();
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** Sends the rows and empties the buffer; returns the rows sent. */
    public long copyTo(Connection connection) throws SQLException, IOException {
        if (rows == 0) {
            return 0;
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long sent;
        try (Reader reader = new StringReader(text.toString())) {
            sent = copy.copyIn("copy " + table + " (" + columns + ") from stdin", reader);
        }
        text.setLength(0);
        rows = 0;
        return sent;
    }
}
