package app.thaw.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;

@IntegrationTest
class TransactionManagerPerClassIT {

    @Autowired
    TransactionInterceptor interceptor;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyTransactionalCallGoesThroughTheInterceptorThatKeepsTheAnswerPerClass() {
        assertThat(interceptor).isInstanceOf(TransactionManagerPerClass.KeptPerClass.class);
        var kept = (TransactionManagerPerClass.KeptPerClass) interceptor;

        var plain = new DefaultTransactionAttribute();
        assertThat(kept.determineTransactionManager(plain, IntakeService.class)).isSameAs(transactionManager);
        assertThat(kept.determineTransactionManager(plain, IntakeService.class)).isSameAs(transactionManager);

        var named = new DefaultTransactionAttribute();
        named.setQualifier("transactionManager");
        assertThat(kept.determineTransactionManager(named, IntakeService.class)).isSameAs(transactionManager);
    }
}
