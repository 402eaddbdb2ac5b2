package dev.switchboard.core.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.mappings.DatabaseMapping;

/** The persistence unit's entity mappings, checked against the database's schema at boot. */
@ApplicationScoped
public class EntityMappings {

    /** The persistence unit of the domain model ({@code META-INF/persistence.xml}). */
    public static final String UNIT = "switchboard";

    @PersistenceUnit(unitName = UNIT)
    EntityManagerFactory factory;

    @Inject
    Database db;

    /**
     * @throws IllegalStateException listing every mapping that does not fit the schema; call within
     *     a system scope, after the migrations
     */
    public int verifyAgainstSchema() {
        List<EntitySchemaCheck.Mapped> mapped = new ArrayList<>();
        for (ClassDescriptor descriptor : factory.unwrap(JpaEntityManagerFactory.class).getServerSession()
                .getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                for (DatabaseField field : mapping.getFields()) {
                    String table = field.getTableName() == null || field.getTableName().isEmpty()
                            ? descriptor.getTableName() : field.getTableName();
                    mapped.add(new EntitySchemaCheck.Mapped(descriptor.getJavaClass(), mapping.getAttributeName(),
                            mapping.isDirectToFieldMapping(), table, field.getName()));
                }
            }
        }
        List<EntitySchemaCheck.Column> columns = db.query("""
                SELECT table_name, column_name, udt_name, is_nullable = 'YES' FROM information_schema.columns
                WHERE table_schema = current_schema()""", row -> new EntitySchemaCheck.Column(row.getString(1),
                row.getString(2), row.getString(3), row.getBoolean(4)));
        List<String> problems = EntitySchemaCheck.problems(mapped, columns);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the entities do not fit the database schema:\n  " + String.join("\n  ", problems));
        }
        return mapped.size();
    }
}
