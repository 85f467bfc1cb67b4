package app.thaw.scheduling.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.thaw.base.domain.AbstractEntity;

/** A room at the practice for in-person sessions. */
@Entity
@Table(name = "room")
public class Room extends AbstractEntity {

    public static final int NAME_MAX = 80;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    protected Room() {
    }

    public Room(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void rename(String newName) {
        this.name = newName;
    }
}
