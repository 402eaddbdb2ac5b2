package dev.switchboard.core.plugins.trust;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Walks one class and reports each forbidden use once per place: every call, method handle and
 * lambda target against {@link ForbiddenUses#call}, every type it names (superclass, interfaces,
 * field and method descriptors, casts, constants, exception handlers) against
 * {@link ForbiddenUses#type}, and a class looked up by a constant name against
 * {@link ForbiddenUses#classByName}.
 */
final class ClassUses extends ClassVisitor {

    private final String prefix;
    private final Consumer<Finding> sink;
    private final Set<Finding> reported = new HashSet<>();
    private String className;

    /**
     * @param prefix the nested jar the class is in ({@code lib/x.jar!}), or empty
     * @param sink receives each finding
     */
    ClassUses(String prefix, Consumer<Finding> sink) {
        super(Opcodes.ASM9);
        this.prefix = prefix;
        this.sink = sink;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name.replace('/', '.');
        String here = prefix + className;
        if (superName != null) {
            typeUse(here, superName);
        }
        for (String implemented : interfaces) {
            typeUse(here, implemented);
        }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        descriptorUse(prefix + className + "." + name, descriptor);
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        String here = prefix + className + "." + name;
        descriptorUse(here, descriptor);
        if (exceptions != null) {
            for (String thrown : exceptions) {
                typeUse(here, thrown);
            }
        }
        return new MethodUses(here);
    }

    private void report(Rule rule, String location, String call) {
        Finding finding = new Finding(rule, location, call);
        if (reported.add(finding)) {
            sink.accept(finding);
        }
    }

    private void callUse(String location, String owner, String name, String descriptor) {
        typeUse(location, owner);
        descriptorUse(location, descriptor);
        ForbiddenUses.call(owner, name, descriptor)
                .ifPresent(row -> report(row.rule(), location, owner.replace('/', '.') + "." + name));
    }

    /** A type by internal name, or an array type by descriptor ({@code [Ljava/io/File;}). */
    private void typeUse(String location, String internalName) {
        String type = internalName.startsWith("[") ? elementName(Type.getType(internalName)) : internalName;
        if (type != null) {
            ForbiddenUses.type(type).ifPresent(row -> report(row.rule(), location, type.replace('/', '.')));
        }
    }

    private void descriptorUse(String location, String descriptor) {
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
                typeUse(location, argument);
            }
            typeUse(location, type.getReturnType());
        } else {
            typeUse(location, type);
        }
    }

    private void typeUse(String location, Type type) {
        String name = elementName(type);
        if (name != null) {
            typeUse(location, name);
        }
    }

    /** The internal name of a class type or of an array's element class, or null for primitives. */
    private static String elementName(Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private void handleUse(String location, Handle handle) {
        if (handle.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
            callUse(location, handle.getOwner(), handle.getName(), handle.getDesc());
        } else {
            typeUse(location, handle.getOwner());
            descriptorUse(location, handle.getDesc());
        }
    }

    private void constantUse(String location, Object constant) {
        if (constant instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                descriptorUse(location, type.getDescriptor());
            } else {
                typeUse(location, type);
            }
        } else if (constant instanceof Handle handle) {
            handleUse(location, handle);
        } else if (constant instanceof ConstantDynamic dynamic) {
            descriptorUse(location, dynamic.getDescriptor());
            handleUse(location, dynamic.getBootstrapMethod());
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constantUse(location, dynamic.getBootstrapMethodArgument(i));
            }
        }
    }

    /** The uses in one method's code. */
    private final class MethodUses extends MethodVisitor {

        private final String location;
        /** The string constant loaded last: the argument of {@code Class.forName("…")}. */
        private String lastString;

        MethodUses(String location) {
            super(Opcodes.ASM9);
            this.location = location;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            callUse(location, owner, name, descriptor);
            String constant = lastString;
            lastString = null;
            if (constant != null && ForbiddenUses.isHost(constant.replace('.', '/'))) {
                ForbiddenUses.classByName(owner, name).ifPresent(row -> report(row.rule(), location,
                        owner.replace('/', '.') + "." + name + "(\"" + constant + "\")"));
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            typeUse(location, owner);
            descriptorUse(location, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            typeUse(location, type);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            descriptorUse(location, descriptor);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String text) {
                lastString = text;
            } else {
                constantUse(location, value);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            descriptorUse(location, descriptor);
            handleUse(location, bootstrap);
            for (Object argument : arguments) {
                constantUse(location, argument);
            }
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                typeUse(location, type);
            }
        }
    }
}
