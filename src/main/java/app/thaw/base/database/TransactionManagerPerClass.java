package app.thaw.base.database;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Spring 7 looks for a {@code @Qualifier} on the target class at every {@code @Transactional} call, without keeping
 * the answer: a booking makes about fifteen such calls, and the annotation scan was 6 % of its Java time at 1 M
 * intakes. A class's answer never changes, so the interceptor Spring configures is swapped for one that keeps it;
 * a qualifier on the annotation itself is still honoured (Spring caches that one).
 */
@Component
class TransactionManagerPerClass implements BeanPostProcessor, BeanFactoryAware, PriorityOrdered {

    private @Nullable BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public int getOrder() {
        return PriorityOrdered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean.getClass() != TransactionInterceptor.class || beanFactory == null) {
            return bean;
        }
        TransactionInterceptor configured = (TransactionInterceptor) bean;
        KeptPerClass kept = new KeptPerClass();
        kept.setTransactionAttributeSource(configured.getTransactionAttributeSource());
        if (configured.getTransactionManager() != null) {
            kept.setTransactionManager(configured.getTransactionManager());
        }
        kept.setBeanFactory(beanFactory);
        return kept;
    }

    static final class KeptPerClass extends TransactionInterceptor {

        private static final TransactionAttribute UNQUALIFIED = new DefaultTransactionAttribute();

        private final transient Map<Class<?>, Optional<TransactionManager>> byClass = new ConcurrentHashMap<>();

        @Override
        protected @Nullable TransactionManager determineTransactionManager(@Nullable TransactionAttribute attribute,
                                                                          @Nullable Class<?> targetClass) {
            if (attribute == null || targetClass == null || StringUtils.hasText(attribute.getQualifier())) {
                return super.determineTransactionManager(attribute, targetClass);
            }
            return byClass.computeIfAbsent(targetClass, type ->
                    Optional.ofNullable(super.determineTransactionManager(UNQUALIFIED, type))).orElse(null);
        }
    }
}
